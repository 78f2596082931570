"""Reading source documents: files and folders in, decoded text out, with clear errors."""
from __future__ import annotations

import hashlib
import html.parser
import re
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

SUFFIXES = (".txt", ".md", ".html", ".htm")


class SourceError(Exception):
    """A document that cannot be read; the message names the file and the reason."""

    def __init__(self, path: Path | str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


@dataclass(frozen=True)
class Source:
    """One decoded document. `text` is what offsets refer to."""

    path: Path
    name: str
    text: str
    encoding: str
    sha1: str

    @property
    def stem(self) -> str:
        return self.path.stem


def collect(paths: list[Path], exclude: Path | None = None) -> tuple[list[Path], list[SourceError]]:
    """Expand files and folders into document files, sorted, each once; report what is
    unusable. Hidden files and folders (.git, .venv) and the `exclude` folder (the build's
    own outputs) are not read."""
    files: list[Path] = []
    errors: list[SourceError] = []
    skip = exclude.resolve() if exclude is not None else None
    for path in paths:
        if not path.exists():
            errors.append(SourceError(path, "no such file or directory"))
        elif path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
                           and not any(part.startswith(".") for part in p.relative_to(path).parts)
                           and (skip is None or skip not in p.resolve().parents))
            if not found:
                errors.append(SourceError(path, f"no documents ({', '.join(SUFFIXES)}) in this directory"))
            files.extend(found)
        else:
            files.append(path)
    unique = {p.resolve(): p for p in sorted(files)}
    return sorted(unique.values()), errors


def read(path: Path) -> Source:
    """Decode a document: UTF-8 first, then what charset-normalizer detects (GB18030, GBK…)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(path, exc.strerror or str(exc)) from None
    if not data.strip():
        raise SourceError(path, "empty file")
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 has NULs
        raise SourceError(path, "binary file, not text")
    text, encoding = _decode(path, data)
    if path.suffix.lower() in (".html", ".htm"):
        text = html_to_text(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not re.search(r"[\u4e00-\u9fff]", text):
        raise SourceError(path, "no Chinese text in this document")
    return Source(path, path.name, text, encoding, hashlib.sha1(data).hexdigest())


def _decode(path: Path, data: bytes) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    guess = from_bytes(data).best()
    if guess is not None and guess.encoding.startswith("big5"):  # traditional-script sources
        return str(guess), guess.encoding
    try:  # else the mainland legacy encodings: detectors often mistake short GBK text
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError:
        pass
    best = guess
    if best is None:
        raise SourceError(path, "binary file or unknown text encoding")
    return str(best), best.encoding


# the site's name a page's <title> ends with, after a longer headline: " - 商圈观察网", "_消费界Daily"
_SITE_AFTER = re.compile(r"(?<=[^\n]{8})(?:\s[-–—|]\s|[_｜|])\s*(?![^\n]*(?:投|购|上市|合作|融资|发布|推出|罚))[^-–—_｜|\n]{2,12}\s*$")


class _TextExtractor(html.parser.HTMLParser):
    """Visible text of an HTML page, one line per block element."""

    BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "title", "td", "th"}
    SKIP = {"script", "style", "noscript", "template", "svg"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0
        self._links = 0  # depth inside <a>
        self._items: list[tuple[int, bool]] = []  # open <li>: where its text starts, whether any is not a link
        self._title = False  # inside <title>

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in self.SKIP:
            self._skip += 1
        elif tag == "a":
            self._links += 1
        elif tag in self.BLOCKS:
            self._title = tag == "title"
            self.parts.append("\n")
            if tag == "li":
                self._items.append((len(self.parts), False))

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self._skip:
            self._skip -= 1
        elif tag == "a" and self._links:
            self._links -= 1
        elif tag in self.BLOCKS:
            self._title = False
            if tag == "li" and self._items:
                start, own_text = self._items.pop()
                if not own_text:  # a list item that is only a link: a related article's headline, a menu
                    del self.parts[start:]
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._title:  # "X完成收购 - 商圈观察网": the site's name after the headline names no actor of it
            data = _SITE_AFTER.sub("", data)
        if not self._skip:
            self.parts.append(data)
            if not self._links and data.strip() and self._items:
                self._items[-1] = (self._items[-1][0], True)


def html_to_text(markup: str) -> str:
    parser = _TextExtractor()
    parser.feed(markup)
    text = "".join(parser.parts)
    text = re.sub(r"[ \t\u3000]+", " ", text)
    return re.sub(r"\n\s*\n+", "\n\n", text).strip() + "\n"
