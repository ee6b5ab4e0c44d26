"""Background tasks: results, failures, progress and cancellation reach the GUI thread."""

import threading

from ui.kit import tasks


def test_result_and_progress_arrive_on_the_gui_thread(qtbot, brest_db):
    from relations_app.services import partners

    seen = {}
    gui_thread = threading.current_thread()

    def work(ctx):
        seen["worker"] = threading.current_thread()
        ctx.progress(1, 2, "moitié")
        return partners.list_partners("kiel").total  # its own database connection

    progress = []
    handle = tasks.run_in_background(
        work,
        on_success=lambda r: seen.update(result=r, thread=threading.current_thread()),
        on_progress=lambda d, t, text: progress.append((d, t, text)),
    )
    # not qtbot.waitSignal(handle.signals.finished): a worker quicker than the test would
    # emit before waitSignal connects, and a queued signal only reaches the slots it had
    qtbot.waitUntil(lambda: handle.done, timeout=20000)
    assert seen["worker"] is not gui_thread
    assert seen["result"] == 1 and seen["thread"] is gui_thread
    assert progress == [(1, 2, "moitié")]


def test_failure_and_cancel(qtbot):
    errors = []
    handle = tasks.run_in_background(lambda ctx: 1 / 0, on_failure=lambda e, tb: errors.append(e))
    qtbot.waitUntil(lambda: handle.done, timeout=20000)
    assert isinstance(errors[0], ZeroDivisionError)

    started, release = threading.Event(), threading.Event()
    cancelled = []

    def long_work(ctx):
        started.set()
        release.wait(5)
        ctx.check()
        return "finished"

    results = []
    handle = tasks.run_in_background(
        long_work, on_success=results.append, on_cancelled=lambda: cancelled.append(True)
    )
    started.wait(5)
    handle.cancel()
    release.set()
    qtbot.waitUntil(lambda: handle.done, timeout=20000)
    assert cancelled == [True] and results == []


def test_a_failure_nobody_listens_to_goes_to_the_log(qtbot, monkeypatch):
    import logging

    from relations_app import logs

    logs.setup()
    monkeypatch.setattr(tasks, "INLINE", True)
    tasks.run_in_background(lambda ctx: 1 / 0)
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = logs.log_path().read_text(encoding="utf-8")
    assert "Background task failed" in text and "ZeroDivisionError" in text
