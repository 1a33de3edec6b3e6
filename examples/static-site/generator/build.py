"""Tiny static-site generator (standard library only).

Pages are `content/*.md`: a `key: value` header, a `---` line, then a small Markdown
subset (# headings, paragraphs, - lists, **bold**, *em*, `code`, [links](url)).
Output: HTML pages, a minified and content-hashed stylesheet, sitemap.xml.

    python3 generator/build.py [SOURCE_DIR] [OUT_DIR]
"""
import hashlib
import html
import re
import sys
from pathlib import Path

INLINE = [
    (re.compile(r"`([^`]+)`"), r"<code>\1</code>"),
    (re.compile(r"\*\*([^*]+)\*\*"), r"<strong>\1</strong>"),
    (re.compile(r"\*([^*]+)\*"), r"<em>\1</em>"),
    (re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)"), r'<a href="\2">\1</a>'),
]


def inline(text):
    text = html.escape(text, quote=False)
    for pattern, repl in INLINE:
        text = pattern.sub(repl, text)
    return text


def parse_page(source):
    header, sep, body = source.partition("\n---\n")
    if not sep:
        raise ValueError("page needs a header and a '---' line")
    meta = {}
    for line in header.splitlines():
        if line.strip():
            key, _, value = line.partition(":")
            meta[key.strip()] = value.strip()
    if "title" not in meta:
        raise ValueError("page header needs a title")
    return meta, body


def markdown(body):
    out, para, items = [], [], []

    def flush():
        if para:
            out.append("<p>" + inline(" ".join(para)) + "</p>")
            para.clear()
        if items:
            out.append("<ul>" + "".join("<li>" + inline(i) + "</li>" for i in items) + "</ul>")
            items.clear()

    for raw in body.splitlines():
        line = raw.strip()
        heading = re.match(r"(#{1,6})\s+(.*)", line)
        if not line:
            flush()
        elif heading:
            flush()
            level = len(heading.group(1))
            out.append(f"<h{level}>{inline(heading.group(2))}</h{level}>")
        elif line.startswith("- "):
            if para:
                flush()
            items.append(line[2:])
        else:
            if items:
                flush()
            para.append(line)
    flush()
    return "\n".join(out)


def minify_css(css):
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    css = re.sub(r"\s+", " ", css)
    css = re.sub(r"\s*([{}:;,>])\s*", r"\1", css)
    return css.replace(";}", "}").strip()


def fingerprint(name, data):
    digest = hashlib.sha256(data.encode()).hexdigest()[:10]
    stem, dot, ext = name.rpartition(".")
    return f"{stem}.{digest}.{ext}"


def build(src, out):
    src, out = Path(src), Path(out)
    out.mkdir(parents=True, exist_ok=True)
    css = minify_css((src / "assets" / "site.css").read_text())
    css_name = fingerprint("site.css", css)
    (out / css_name).write_text(css)

    template = (src / "templates" / "page.html").read_text()
    pages = []
    for path in sorted((src / "content").glob("*.md")):
        meta, body = parse_page(path.read_text())
        pages.append((path.stem + ".html", meta, body))
    nav = " ".join(f'<a href="{name}">{html.escape(meta["title"])}</a>' for name, meta, _ in
                   sorted(pages, key=lambda p: (p[0] != "index.html", p[0])))
    for name, meta, body in pages:
        page = (template.replace("{{title}}", html.escape(meta["title"]))
                .replace("{{css}}", css_name).replace("{{nav}}", nav)
                .replace("{{body}}", markdown(body)))
        page = re.sub(r">\s+<", "><", page).strip() + "\n"
        (out / name).write_text(page)

    urls = "".join(f"<url><loc>/{name}</loc></url>" for name, _, _ in pages)
    (out / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>\n')
    return [name for name, _, _ in pages] + [css_name, "sitemap.xml"]


if __name__ == "__main__":
    root = Path(__file__).resolve().parent.parent
    written = build(sys.argv[1] if len(sys.argv) > 1 else root,
                    sys.argv[2] if len(sys.argv) > 2 else root / "public")
    print("\n".join(written))
