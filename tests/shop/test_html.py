"""shop.html: pages leave without the templates' indentation, and look the same."""

from shop.html import compact_html


def test_indentation_becomes_one_line_break():
    page = b"<ul>\n    <li>A</li>\n\n    <li>B</li>\n  </ul>  \n"
    assert compact_html(page) == b"<ul>\n<li>A</li>\n<li>B</li>\n</ul>\n"


def test_spaces_within_a_line_and_non_breaking_spaces_are_kept():
    page = "<p>1\xa0257\xa0₴  and   more</p>".encode()
    assert compact_html(page) == page


def test_what_a_shopper_typed_and_scripts_are_left_alone():
    page = (
        b"<form>\n    <textarea name=body>\n  line one\n\n    indented</textarea >\n"
        b"  <pre>\n  a\n    b</pre>\n"
        b'  <script type="application/ld+json">{"a":\n  1}</script>\n</form>'
    )
    compacted = compact_html(page)
    assert b"<textarea name=body>\n  line one\n\n    indented</textarea >" in compacted
    assert b"<pre>\n  a\n    b</pre>" in compacted
    assert b'{"a":\n  1}</script>' in compacted
    assert compacted.startswith(b"<form>\n<textarea")


def test_product_page_is_sent_compacted(client, seed):
    page = client.get(f"/en/records/{seed.slug}/").content
    assert b"\n  " not in page.split(b"<textarea")[0]
