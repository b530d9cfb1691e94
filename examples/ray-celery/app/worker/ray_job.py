"""Ray job entry point: `python -m worker.ray_job <file>...` on the head node (or `ray job submit`).

Chunks each document in parallel on the cluster's workers and prints one JSON line per document."""

import json
import sys

import ray
from tenacity import retry, stop_after_attempt, wait_exponential

from worker.chunks import split_into_chunks


@ray.remote(num_cpus=1, max_retries=3)
def chunk_document(name: str, text: str) -> dict[str, object]:
    return {"document": name, "chunks": len(split_into_chunks(text))}


@retry(stop=stop_after_attempt(5), wait=wait_exponential(multiplier=2, max=30))
def connect() -> None:
    # Workers join the head a few seconds after it starts: retry instead of failing the job.
    ray.init(address="auto")


def main(paths: list[str]) -> int:
    connect()
    futures = []
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            futures.append(chunk_document.remote(path, handle.read()))
    for result in ray.get(futures):
        print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
