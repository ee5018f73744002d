"""notebooks/analyst.ipynb runs on the sample output (nbclient), so it never rots."""

from __future__ import annotations

from pathlib import Path

import pytest

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "analyst.ipynb"


def _kernel_starts() -> str | None:
    """None when a python3 kernel starts here, else why not."""
    from jupyter_client.manager import start_new_kernel

    try:
        km, kc = start_new_kernel(kernel_name="python3", startup_timeout=60)
    except Exception as exc:  # noqa: BLE001
        return f"{type(exc).__name__}: {exc}"
    kc.stop_channels()
    km.shutdown_kernel(now=True)
    return None


def test_analyst_notebook_runs(sample_run, monkeypatch):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    out, _ = sample_run
    monkeypatch.setenv("HITECH_OUT", str(out))  # the kernel inherits the environment
    monkeypatch.setenv("OMP_NUM_THREADS", "1")
    why = _kernel_starts()
    if why:
        pytest.skip(f"kernel cannot start: {why}")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbclient.NotebookClient(nb, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    outputs = {i: c.outputs for i, c in enumerate(nb.cells) if c.cell_type == "code"}
    assert all(outputs.values()), "every cell shows a result"
    text = "".join(str(o.get("data", {}).get("text/plain", "")) for cell in outputs.values() for o in cell)
    assert "zone_metrics" in text and "郑州" in text
