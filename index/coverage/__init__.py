"""Coverage: which outlet mentions which of the story's topics.

Takes the corpus's articles and gives a `topics.Coverage`: topics (names, phrases, figures,
days) found from the corpus itself, with counts by outlet. Entry point: `topics.find_coverage`.
"""
