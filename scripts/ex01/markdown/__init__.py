"""Python-Markdown extensions that both engines run (MkDocs + Material, and Zensical).

Each module is one extension, named in mkdocs.yml under `markdown_extensions:` by its module
path (`ex01.markdown.tables`), with a configuration that pickles (Zensical keys its cache on a
pickle of it). What each one writes into a page:

- `abbreviations`: keeps the `<abbr>` of an abbreviation's first occurrence in each h2 section of
  running text, focusable for assets/javascripts/abbr.js, and makes every other one plain text;
- `answers`: the tool/prompt header under an answer page's title, after checking its front matter;
- `checks`: one error naming the file and line for front matter that did not parse, a code
  fence never closed, or two headings with one id;
- `diagrams`: the `format` of the mermaid fence, drawn diagrams from docs/includes/diagrams.json;
- `formulas`: typeset formulas from docs/includes/formulas.json in place of their LaTeX;
- `letters`: an A-Z bar of links to a page's one-letter sections, where `[A-Z]` asks for it;
- `links`: links to other sites marked so that paper shows where they go (extra.css, print);
- `permalinks`: a "copy link to this section" button after every heading's permalink;
- `tables`: each table wrapped in a block the stylesheet lays out only near the viewport;
- `tabs`: content tabs' ids named after the section they hold, not their position.

They rewrite the page's final HTML in postprocessors (the answer header is Markdown, added
before the page is parsed) at the priorities in `PRIORITY`, so the order they run in is the one
written here, whatever their order in mkdocs.yml; `abbreviations` works on the parsed page, as a
treeprocessor at its priority in `TREE_PRIORITY`.
"""

# Python-Markdown runs postprocessors from the highest priority down; its own raw-HTML (30) and
# ampersand (20) postprocessors come first, so ours see the page's final HTML.
PRIORITY = {
    "formulas": 9,
    "permalinks": 8,
    "tabs": 7,
    "tables": 6,
    "links": 5,
    "letters": 4,
}

# Treeprocessors run from the highest priority down too: after Python-Markdown's abbr (7) has
# marked every abbreviation, and before toc (5) reads the headings' text.
TREE_PRIORITY = {
    "abbreviations": 6.5,
}
