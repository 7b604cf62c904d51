"""Engines map the per-document stages over batches and write the store.

``local`` runs in this process (the laptop case). A distributed engine (Ray) maps the same
:func:`communique.engines.local.process_batch` over partitions and then calls the same
:func:`communique.engines.local.finalize` on the store.
"""

from __future__ import annotations

__all__ = ["RunSummary", "run_paths", "process_batch", "finalize"]

from communique.engines.local import RunSummary, finalize, process_batch, run_paths
