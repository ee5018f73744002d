"""Put pkuseg's default segmentation model where the pipeline loads it from.

The model (180 MB) is too large for the repository, and spacy-pkuseg would fetch it
from a hub at run time, which fails on machines without open internet.  It ships,
though, inside the pkuseg 0.0.25 source distribution on PyPI.  This script, run once
by `make setup`, takes that archive from the package index (checking its sha256),
and extracts only models/default.  (Rewriting features.pkl as msgpack, which
spacy-pkuseg prefers, was measured: it loads no faster, so the files stay as shipped.)

Usage: python scripts/fetch_pkuseg_model.py [DEST]   (default: models/pkuseg-default)
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import sys
import tarfile
import tempfile
import urllib.request
from pathlib import Path

SDIST = "pkuseg-0.0.25.tar.gz"
SHA256 = "dd012bf93689721c9574bc2b2ba98fb4ac22790cec0af354a78e217828b81e91"
MEMBERS = {"features.pkl", "weights.npz"}
DEFAULT_DEST = Path(__file__).resolve().parents[1] / "models" / "pkuseg-default"


def index_url() -> str:
    return os.environ.get("PIP_INDEX_URL", "https://pypi.org/simple").rstrip("/")


def sdist_url() -> str:
    page = f"{index_url()}/pkuseg/"
    with urllib.request.urlopen(page, timeout=60) as resp:
        html = resp.read().decode("utf-8", "replace")
    for href in re.findall(r'href="([^"]+)"', html):
        if href.split("#")[0].endswith(SDIST):
            return urllib.request.urljoin(page, href.split("#")[0])
    raise SystemExit(f"{SDIST} not listed at {page}")


def download(url: str, dest: Path) -> None:
    digest = hashlib.sha256()
    with urllib.request.urlopen(url, timeout=300) as resp, open(dest, "wb") as out:
        while chunk := resp.read(1 << 20):
            digest.update(chunk)
            out.write(chunk)
    if digest.hexdigest() != SHA256:
        raise SystemExit(f"sha256 mismatch for {url}: {digest.hexdigest()}")


def extract(archive: Path, dest: Path) -> None:
    with tarfile.open(archive) as tar:
        for member in tar.getmembers():
            parts = member.name.split("/")
            if parts[-3:-1] == ["models", "default"] and parts[-1] in MEMBERS:
                src = tar.extractfile(member)
                assert src is not None
                with open(dest / parts[-1], "wb") as out:
                    shutil.copyfileobj(src, out)


def main(argv: list[str]) -> int:
    dest = Path(argv[1]) if len(argv) > 1 else DEFAULT_DEST
    if (dest / "weights.npz").exists() and (dest / "features.pkl").exists():
        print(f"pkuseg model already in {dest}")
        return 0
    tmp_dest = dest.with_name(dest.name + ".partial")
    shutil.rmtree(tmp_dest, ignore_errors=True)
    tmp_dest.mkdir(parents=True)
    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / SDIST
        url = sdist_url()
        print(f"fetching {url}", file=sys.stderr)
        download(url, archive)
        extract(archive, tmp_dest)
    if not (tmp_dest / "weights.npz").exists():
        raise SystemExit(f"models/default not found in {SDIST}")
    shutil.rmtree(dest, ignore_errors=True)
    tmp_dest.rename(dest)  # all or nothing: a half-fetched model never looks complete
    print(f"pkuseg model in {dest}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
