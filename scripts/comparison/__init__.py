"""The comparison section's generator: the eight answers measured, matched, compared.

Stages, each a pure function over plain data: `parse` (Markdown -> `Answer`), `measure`
(-> `Metrics`), `coverage` (-> `Coverage`), `verdicts` (-> `Verdict`), then `render`,
`charts`, `downloads` and `sidebyside` (-> strings). `generate` is the one place that reads and
writes files; `cli.main` is the command line (`python -m comparison`).
"""
