"""Shared by the Celery tasks and the Ray job: plain Python, no dependencies."""


def split_into_chunks(text: str, size: int = 1000) -> list[str]:
    """Splits a document into chunks of at most `size` characters, on whitespace where possible."""
    chunks: list[str] = []
    current: list[str] = []
    length = 0
    for word in text.split():
        if current and length + len(word) + 1 > size:
            chunks.append(" ".join(current))
            current, length = [], 0
        current.append(word)
        length += len(word) + 1
    if current:
        chunks.append(" ".join(current))
    return chunks
