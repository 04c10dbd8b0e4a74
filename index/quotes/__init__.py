"""Quotations: who said what.

Takes an `Article` and gives its `model.Quote`s: text, speaker, role, cue, fragment or not, and
where it stands. Entry point: `extract.extract_quotes` (one article); `on_demand.update_quotes`
finds them for a whole catalog on first need, resolves short names across the corpus
(`speakers.resolve_corpus`) and groups one statement's variants (`speakers.group_variants`).
`marks` finds the stretches between quotation marks and `attribution` the speaker of each,
reading the article with `tokens`, `blocks` (a paragraph read once), `cues` (verbs of speech and
the phrases next to them), `people` and `reading` (names, pronouns and roles resolved in order)
and `speaker_rules` (where in its sentence a quotation's speaker stands), over the words of
`vocabulary`. `listing` filters quotations for the command line and the Quotes pane alike.
"""
