"""Text-vs-HTML parity: a labeled corpus scored as plain text and as the same notices in web pages.

The scraper hands the parser HTML pages, so a notice must score the same whether it arrives as its
text or wrapped in a government site's page. For each corpus in :data:`CORPORA` the notices are
staged (gold ``*.json`` with its ``*.txt``) into a work folder, wrapped into pages by a layout, and
scored with :func:`pipeline.evaluate.evaluate` twice: once on the texts, once on the pages.

Layouts: ``wrap_html`` runs ``../shared/tools/wrap_html.py`` as it is (three templates rotated
over the notices); ``wrap_html:<template>`` puts every notice into one of its templates; the
families of ``tests/layouts`` (our own generator) put every notice into theirs (the
``pdf_attachment`` family serves its pages and PDFs on loopback and crawls them, as the scraper
would). Each corpus is staged with its texts beside its gold labels (``Corpus.gold`` and
``Corpus.texts`` may be apart), so adding a corpus is one line in :data:`CORPORA`.

Run it by hand for a table::

    .venv/bin/python tests/parity.py [CORPUS ...] [--layout NAME ...] [-v]
"""

from __future__ import annotations

import argparse
import functools
import importlib.util
import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT / "tests") not in sys.path:  # run as a script: make tests/layouts importable
    sys.path.insert(0, str(ROOT / "tests"))

from pipeline.evaluate import EvalReport, evaluate, parse_to_gold  # noqa: E402

import corpora  # noqa: E402
import layouts  # noqa: E402

SHARED = ROOT.parent / "shared"
WRAP_HTML = SHARED / "tools" / "wrap_html.py"
TOLERANCE = 0.01  # an HTML score may trail its text score by this much


@dataclass(frozen=True, slots=True)
class Corpus:
    """A labeled corpus: gold labels (``*.json``) and the texts they label (``*.txt``)."""

    name: str
    gold: Path
    texts: Path

    def missing(self) -> str | None:
        """Why this corpus cannot be scored here (a folder is absent), or None."""
        for folder in (self.gold, self.texts):
            if not folder.is_dir():
                return f"{folder} is absent"
        return None


# Every labeled corpus of tests/corpora.py (gold and texts may be apart); a new corpus there is
# scored here too.
CORPORA: list[Corpus] = [Corpus(c.name, c.gold, c.text_dir) for c in corpora.CORPORA]
CORPUS_BY_NAME = {c.name: c for c in CORPORA}


def stage(corpus: Corpus, dest: Path) -> Path:
    """Copy each labeled notice (``NAME.json`` and its ``NAME.txt``) into ``dest``; return it."""
    dest.mkdir(parents=True, exist_ok=True)
    for gold in sorted(corpus.gold.glob("*.json")):
        text = corpus.texts / f"{gold.stem}.txt"
        if text.is_file():
            shutil.copyfile(gold, dest / gold.name)
            shutil.copyfile(text, dest / text.name)
    return dest


# --- layouts: a folder of staged notices -> one page per notice ------------------------------------

Predictor = Callable[[Path], dict[str, Any]]


def _wrap_html_module() -> ModuleType:
    """../shared/tools/wrap_html.py loaded as a module (for its templates one at a time)."""
    spec = importlib.util.spec_from_file_location("wrap_html", WRAP_HTML)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def wrap_html_templates() -> list[str]:
    """Names of the templates of wrap_html.py (empty when ../shared is absent)."""
    if not WRAP_HTML.is_file():
        return []
    return [t.__name__ for t in _wrap_html_module().TEMPLATES]


def _pages_predictor(out: Path) -> Predictor:
    """Predict a notice from its page ``out/NAME.html``."""
    def predict(txt: Path) -> dict[str, Any]:
        return parse_to_gold(out / f"{txt.stem}.html")
    return predict


def wrap_with_tool(src: Path, out: Path) -> Predictor:
    """Run wrap_html.py as shipped: its templates rotated over the notices."""
    subprocess.run([sys.executable, str(WRAP_HTML), str(src), str(out)], check=True,
                   capture_output=True, text=True)
    return _pages_predictor(out)


def wrap_with_template(name: str) -> Callable[[Path, Path], Predictor]:
    """Every notice in one template of wrap_html.py."""
    def wrap(src: Path, out: Path) -> Predictor:
        template = {t.__name__: t for t in _wrap_html_module().TEMPLATES}[name]
        out.mkdir(parents=True, exist_ok=True)
        for txt in sorted(src.glob("*.txt")):
            gold = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
            encoding, page = template(txt.read_text(encoding="utf-8"), gold)
            (out / f"{txt.stem}.html").write_bytes(page.encode(encoding, errors="xmlcharrefreplace"))
        return _pages_predictor(out)
    return wrap


def wrap_with_family(name: str) -> Callable[[Path, Path], Predictor]:
    """Every notice in one family of tests/layouts."""
    def wrap(src: Path, out: Path) -> Predictor:
        return layouts.FAMILIES[name].wrap(src, out)
    return wrap


def layout_names(include_absent: bool = False) -> list[str]:
    """Every layout :func:`wrapper` knows, the shared tool's first (``wrap_html`` itself even when
    the tool is absent, with ``include_absent``: a test then reports it skipped)."""
    names = ["wrap_html"] if WRAP_HTML.is_file() or include_absent else []
    names += [f"wrap_html:{t}" for t in wrap_html_templates()]
    return names + list(layouts.FAMILIES)


def wrapper(layout: str) -> Callable[[Path, Path], Predictor]:
    """The function that turns staged notices into pages of ``layout`` and predicts from them."""
    if layout == "wrap_html":
        return wrap_with_tool
    if layout.startswith("wrap_html:"):
        return wrap_with_template(layout.split(":", 1)[1])
    return wrap_with_family(layout)


def layout_missing(layout: str) -> str | None:
    """Why ``layout`` cannot run here, or None."""
    if layout.startswith("wrap_html") and not WRAP_HTML.is_file():
        return f"{WRAP_HTML} is absent"
    return None


# --- scoring -------------------------------------------------------------------------------------

@dataclass
class Parity:
    """Text and HTML scores of one corpus in one layout."""

    corpus: str
    layout: str
    text: EvalReport
    html: EvalReport
    notices: int = 0
    worst: list[str] = field(default_factory=list)

    def rows(self) -> list[tuple[str, float, float]]:
        """(field, text score, HTML score) for every scored field."""
        t, h = self.text.scores(), self.html.scores()
        return [(k, t[k], h.get(k, 0.0)) for k in t]

    def gaps(self, tolerance: float = TOLERANCE) -> list[str]:
        """Fields whose HTML score trails the text score by more than ``tolerance``."""
        return [f"{k}: text {t:.3f}, html {h:.3f}" for k, t, h in self.rows() if t - h > tolerance + 1e-9]

    def lost(self) -> dict[str, list[str]]:
        """Per notice, the misses of the HTML run that the text run does not have."""
        out: dict[str, list[str]] = {}
        for name, lines in self.html.misses.items():
            extra = [ln for ln in lines if ln not in self.text.misses.get(name, [])]
            if name in self.html.errors:
                extra.insert(0, f"rejected: {self.html.errors[name]}")
            if extra:
                out[name] = extra
        return out


@functools.cache
def _text_report(src: Path) -> EvalReport:
    return evaluate(src)


def measure(corpus: Corpus, layout: str, work: Path) -> Parity:
    """Stage ``corpus`` in ``work``, wrap it in ``layout``, score text and pages."""
    src = stage(corpus, work / "src")
    predict = wrapper(layout)(src, work / "pages")
    text = _text_report(src)
    html = evaluate(src, predict)
    return Parity(corpus.name, layout, text, html, notices=text.files)


def main(argv: list[str] | None = None) -> int:
    """Print the parity table of the chosen corpora and layouts."""
    import tempfile

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpora", nargs="*", help=f"corpus names (default: all of {', '.join(CORPUS_BY_NAME)})")
    ap.add_argument("--layout", action="append", help=f"layouts (default: all): {', '.join(layout_names())}")
    ap.add_argument("-v", "--verbose", action="store_true", help="list what each page loses")
    args = ap.parse_args(argv)
    corpora = [CORPUS_BY_NAME[n] for n in args.corpora] or CORPORA
    worst = 0.0
    for corpus in corpora:
        if why := corpus.missing():
            print(f"== {corpus.name}: skipped ({why})")
            continue
        for layout in args.layout or layout_names():
            with tempfile.TemporaryDirectory() as tmp:
                p = measure(corpus, layout, Path(tmp))
            rows = p.rows()
            gap = max((t - h for _, t, h in rows), default=0.0)
            worst = max(worst, gap)
            cells = "  ".join(f"{k.replace('services_suspended', 'services')[:10]} {t:.3f}/{h:.3f}"
                              + ("*" if t - h > TOLERANCE + 1e-9 else "") for k, t, h in rows)
            print(f"{corpus.name:7s} {layout:22s} n={p.notices:3d} worst gap {gap:+.3f}  {cells}")
            if args.verbose:
                for name, lines in p.lost().items():
                    print(f"    {name}: {'; '.join(lines)}")
    print(f"largest gap: {worst:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
