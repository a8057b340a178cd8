"""gunicorn's settings for Suunta; gunicorn reads ./gunicorn.conf.py from the folder it is
started in (docs/operations.md). Options given on the command line still win."""


def post_worker_init(worker):
    """Each worker loads what it loads once (WeasyPrint and the fonts, the templates) before it
    takes its first request: suunta/ops/warm.py."""
    from suunta.ops.warm import warm_up

    seconds = warm_up()
    worker.log.info("Suunta worker %s warmed up in %.2f s", worker.pid, seconds)
