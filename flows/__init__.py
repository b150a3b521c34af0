"""Prefect orchestration of the notice pipeline: flows, tasks, batching, run summary, ``notices serve``.

Nothing is imported here, so that ``import flows.cli`` (done by every ``notices`` command) never
imports Prefect; ``flows.notice_flow`` and ``flows.tasks`` do, and are imported only by the
orchestration commands (``notices run --prefect``, ``notices serve``). See docs/prefect.md.
"""
