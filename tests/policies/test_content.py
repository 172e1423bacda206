"""A body's HTML and plain text: a plain body's text is taken from its paragraphs directly,
and must be what deriving it from the HTML gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from server.policies.content import body_content, html_to_text

#: Characters that could make the shortcut differ: markup and entities, every kind of
#: line break ``str.splitlines`` knows, white space that ``strip`` removes.
_TRICKY = "&<>;#x0123abp/\"' \t\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029\u3000\xa0"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(_TRICKY) | st.sampled_from("补贴申报社保"), max_size=60))
def test_plain_text_of_a_plain_body_is_what_its_html_gives(body: str) -> None:
    body_html, body_text = body_content(body)
    assert body_text == html_to_text(body_html)


def test_plain_and_html_bodies() -> None:
    assert body_content("一、申报对象\n\n  二、补贴标准 &lt;500元>  \n") == (
        "<p>一、申报对象</p><p>二、补贴标准 &amp;lt;500元&gt;</p>",
        "一、申报对象\n二、补贴标准 &lt;500元>",
    )
    body_html, body_text = body_content("<p>一、申报对象</p><script>x</script><p>二、A&amp;B</p>")
    assert body_html == "<p>一、申报对象</p><p>二、A&amp;B</p>"
    assert body_text == "一、申报对象\n二、A&B"
