"""ex01.markdown.abbreviations: the first abbreviation of each h2 section marked, in text."""

from __future__ import annotations

import markdown

DEFINITIONS = "\n\n*[GAN]: Generative adversarial network\n\n*[VAE]: Variational autoencoder\n"
ABBR_GAN = '<abbr tabindex="0" title="Generative adversarial network">GAN</abbr>'


def _html(text: str) -> str:
    html = markdown.markdown(
        text + DEFINITIONS, extensions=["abbr", "attr_list", "toc", "ex01.markdown.abbreviations"]
    )
    print(html)
    return html


def test_extension__first_occurrence_kept_and_focusable_repeats_plain() -> None:
    html = _html("A GAN and a VAE.\n\nAnother GAN, then a GAN again.")
    assert html.count("<abbr") == 2
    assert f"<p>A {ABBR_GAN} and a <abbr" in html
    assert "<p>Another GAN, then a GAN again.</p>" in html


def test_extension__headings_bold_and_links_never_marked() -> None:
    html = _html(
        "# GAN basics\n\n### The GAN loss\n\n**GAN** and [a GAN](x.md) and *a GAN*.\n\nA GAN."
    )
    assert "<h1" in html and ">GAN basics</h1>" in html
    assert ">The GAN loss</h3>" in html
    assert '<strong>GAN</strong> and <a href="x.md">a GAN</a>' in html
    # The first occurrence in running text is the one in emphasis; the next one is plain.
    assert html.count("<abbr") == 1
    assert f"<em>a {ABBR_GAN}</em>" in html
    assert "<p>A GAN.</p>" in html


def test_extension__each_h2_section_marks_its_own_first() -> None:
    html = _html("A GAN.\n\n## Part {#part}\n\nA GAN, a GAN.\n\n### Sub\n\nA GAN.")
    assert html.count(ABBR_GAN) == 2
    assert f'<h2 id="part">Part</h2>\n<p>A {ABBR_GAN}, a GAN.</p>' in html


def test_extension__table_of_contents_reads_plain_heading_text() -> None:
    md = markdown.Markdown(extensions=["abbr", "attr_list", "toc", "ex01.markdown.abbreviations"])
    md.convert("## The GAN loss" + DEFINITIONS)
    print(md.toc_tokens)
    assert md.toc_tokens[0]["name"] == "The GAN loss"


def test_extension__unwrapping_keeps_every_character() -> None:
    html = _html("**GAN, VAE, GAN-VAE.**")
    assert html == "<p><strong>GAN, VAE, GAN-VAE.</strong></p>"
