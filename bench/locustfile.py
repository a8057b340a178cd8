"""One page under load (bench/load.py runs this with locust, headless, on loopback).

BENCH_PATH: the address; BENCH_COOKIE: a session cookie of a signed-in account (pages that
need one); BENCH_TOKEN: an API token (the API). Every client asks again as soon as it has its
answer (no think time): the figures are what the server does at its limit with that many
clients.
"""

import os

from locust import constant, task
from locust.contrib.fasthttp import FastHttpUser

PATH = os.environ["BENCH_PATH"]
HEADERS = {"Accept-Language": "fi"}
if os.environ.get("BENCH_COOKIE"):
    HEADERS["Cookie"] = f"sessionid={os.environ['BENCH_COOKIE']}"
if os.environ.get("BENCH_TOKEN"):
    HEADERS["Authorization"] = f"Bearer {os.environ['BENCH_TOKEN']}"


class Reader(FastHttpUser):
    wait_time = constant(0)

    @task
    def read(self) -> None:
        with self.client.get(PATH, headers=HEADERS, name="page", catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code}")
