"""Container health check for the Celery worker: exit 0 when this worker answers a ping through the broker."""

import socket
import sys

from worker.tasks import app


def main() -> int:
    replies = app.control.ping(destination=[f"celery@{socket.gethostname()}"], timeout=5.0)
    return 0 if replies else 1


if __name__ == "__main__":
    sys.exit(main())
