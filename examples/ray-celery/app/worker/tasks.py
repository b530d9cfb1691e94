"""Celery tasks. The broker URL and the API keys come from the environment (ECS task secrets, or the env file the
EC2 user data writes from Secrets Manager): nothing secret is baked into the image."""

import os

from celery import Celery

from worker.chunks import split_into_chunks

app = Celery("worker", broker=os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0"))
app.conf.update(
    task_acks_late=True,
    task_reject_on_worker_lost=True,
    worker_prefetch_multiplier=1,
    # Long documents: the teams raised their worker timeout to 30 minutes after timeouts at 10.
    task_time_limit=30 * 60,
    task_soft_time_limit=28 * 60,
    broker_connection_retry_on_startup=True,
)


@app.task(bind=True, autoretry_for=(ConnectionError,), retry_backoff=True, max_retries=5)
def process_document(self, document_id: str, text: str) -> dict[str, object]:
    """Chunks one document; the embedding call would go where the chunks are counted."""
    chunks = split_into_chunks(text)
    return {
        "document_id": document_id,
        "chunks": len(chunks),
        "embeddings_enabled": bool(os.environ.get("OPENAI_API_KEY")),
        "worker": self.request.hostname,
    }
