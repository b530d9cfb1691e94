"""The reference workload's worker code: a Celery task module and a Ray job entry point."""
