"""Builds the real site into a temporary folder and checks it like a crawler would."""
import re
import sys
import tempfile
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "generator"))
import build  # noqa: E402


class SiteTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls._tmp = tempfile.TemporaryDirectory()
        cls.out = Path(cls._tmp.name)
        cls.written = build.build(ROOT, cls.out)

    @classmethod
    def tearDownClass(cls):
        cls._tmp.cleanup()

    def pages(self):
        return sorted(self.out.glob("*.html"))

    def test_every_content_page_is_rendered(self):
        expected = {p.stem + ".html" for p in (ROOT / "content").glob("*.md")}
        self.assertEqual({p.name for p in self.pages()}, expected)
        self.assertIn("index.html", expected)

    def test_every_local_link_resolves(self):
        for page in self.pages():
            for target in re.findall(r'(?:href|src)="([^"]+)"', page.read_text()):
                if re.match(r"^[a-z]+:", target) or target.startswith("#"):
                    continue
                with self.subTest(page=page.name, target=target):
                    self.assertTrue((self.out / target.lstrip("/")).is_file(), f"{page.name} -> {target}")

    def test_stylesheet_is_fingerprinted_and_minified(self):
        css = [p for p in self.out.glob("site.*.css")]
        self.assertEqual(len(css), 1)
        self.assertNotIn("\n", css[0].read_text().strip())
        self.assertNotIn("/*", css[0].read_text())

    def test_sitemap_lists_every_page(self):
        sitemap = (self.out / "sitemap.xml").read_text()
        for page in self.pages():
            self.assertIn(f"<loc>/{page.name}</loc>", sitemap)

    def test_pages_have_titles(self):
        for page in self.pages():
            self.assertRegex(page.read_text(), r"<title>[^<]+ · static-site</title>")


if __name__ == "__main__":
    unittest.main()
