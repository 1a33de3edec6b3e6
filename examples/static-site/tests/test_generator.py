import sys
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "generator"))
import build  # noqa: E402


class MarkdownTests(unittest.TestCase):
    def test_headings_paragraphs_and_lists(self):
        html = build.markdown("# Title\n\nfirst line\nsecond line\n\n- a\n- b\n")
        self.assertEqual(html, "<h1>Title</h1>\n<p>first line second line</p>\n<ul><li>a</li><li>b</li></ul>")

    def test_inline_markup_and_links(self):
        html = build.markdown("**bold** *em* `code` [text](page.html)")
        self.assertEqual(html, '<p><strong>bold</strong> <em>em</em> <code>code</code> <a href="page.html">text</a></p>')

    def test_html_is_escaped(self):
        self.assertIn("&lt;script&gt;", build.markdown("<script>alert(1)</script>"))


class PageTests(unittest.TestCase):
    def test_header_is_parsed(self):
        meta, body = build.parse_page("title: Hello\nauthor: me\n---\nbody\n")
        self.assertEqual(meta, {"title": "Hello", "author": "me"})
        self.assertEqual(body, "body\n")

    def test_page_without_title_is_rejected(self):
        with self.assertRaises(ValueError):
            build.parse_page("author: me\n---\nbody")

    def test_page_without_separator_is_rejected(self):
        with self.assertRaises(ValueError):
            build.parse_page("title: x\nbody")


class AssetTests(unittest.TestCase):
    def test_css_is_minified(self):
        css = "/* c */\nbody {\n  margin: 0;\n  color: red;\n}\n"
        self.assertEqual(build.minify_css(css), "body{margin:0;color:red}")

    def test_fingerprint_changes_with_content(self):
        a = build.fingerprint("site.css", "a{}")
        self.assertRegex(a, r"^site\.[0-9a-f]{10}\.css$")
        self.assertNotEqual(a, build.fingerprint("site.css", "b{}"))


if __name__ == "__main__":
    unittest.main()
