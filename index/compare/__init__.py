"""Compare: two articles (or two outlets) side by side.

Takes two articles and their quotations and gives an `align.Alignment`: sentence pairs marked
same wording, same fact or only one side, with figures and speakers that differ. Entry point:
`comparison.pick_article` (what the user named) and `comparison.compare_articles`; `align`
does the alignment, `figures` puts sums, dates and counts in a comparable form.
"""
