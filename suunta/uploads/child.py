"""The child process that parses an upload: `python -I -c "…main()"`, started by `reader`.

On stdin: one line of JSON (`kind`, `options`, `seconds`, `memory`), then the file's bytes.
On stdout: one JSON object, the plain data of `formats`, or `{"refused": code}`. The limits are
set first, before any parser is imported: a file that makes a parser run away ends this process
(SIGXCPU, a MemoryError, the server's kill at its wall-clock limit), never the server. The
limits are set here rather than in a `preexec_fn`, which is not safe in a threaded server.
Nothing of Django is loaded, and no database connection exists in this process.
"""

from __future__ import annotations

import json
import resource
import sys


def main() -> None:
    header = json.loads(sys.stdin.buffer.readline())
    memory = int(header["memory"])
    seconds = max(1, int(header["seconds"]))
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 1))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    data = sys.stdin.buffer.read()
    try:
        from . import formats, limits

        reader = formats.READERS[header["kind"]]
        result = reader(data, header.get("options") or {})
        del data
        output = json.dumps(result, ensure_ascii=False).encode("utf-8")
        if len(output) > limits.MAX_OUTPUT:
            output = b'{"refused": "output"}'
    except formats.Refused as refused:
        output = json.dumps({"refused": refused.code}).encode()
    except MemoryError:
        output = b'{"refused": "memory"}'
    except RecursionError:
        output = b'{"refused": "damaged"}'
    except Exception as error:  # a parser's surprise: the server refuses the file
        output = json.dumps({"refused": "damaged", "error": type(error).__name__}).encode()
    sys.stdout.buffer.write(output)
    sys.stdout.buffer.flush()


if __name__ == "__main__":
    main()
