"""The child process that parses an upload: `python -I -c "…main()"`, started by `reader`.

On stdin: one line of JSON (`kind`, `options`, `seconds`, `ceiling`, `memory`), then the
file's bytes.
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
    # The hard limit is the ceiling a reader may raise its own limit to once it knows what
    # the work needs (a PDF, by its content); otherwise the process ends a second later.
    ceiling = max(seconds + 1, int(header.get("ceiling", 0)))
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (seconds, ceiling))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    data = sys.stdin.buffer.read()
    from . import formats, limits  # the standard library only: the parsers come later

    try:
        reader = formats.READERS[header["kind"]]
        result = reader(data, header.get("options") or {})
        del data
        # A lone surrogate (pypdf makes some of broken text) becomes "?": it could not be
        # stored or shown.
        output = json.dumps(result, ensure_ascii=False).encode("utf-8", errors="replace")
        if len(output) > limits.MAX_OUTPUT:
            output = b'{"refused": "output"}'
    except Exception as error:  # a refusal, a limit reached, a parser's surprise
        code = error.code if isinstance(error, formats.Refused) else "damaged"
        values = error.values if isinstance(error, formats.Refused) else {}
        if _out_of_memory(error) or isinstance(error, (ImportError, SystemError)):
            # Out of memory, also where a parser reported it otherwise: as a damaged file, a
            # library that could not be loaded, or a C extension's error without an exception.
            code, values = "memory", {}
        output = json.dumps({"refused": code, "values": values}).encode()
    sys.stdout.buffer.write(output)
    sys.stdout.buffer.flush()


def _out_of_memory(error: BaseException | None) -> bool:
    seen = 0
    while error is not None and seen < 20:
        if isinstance(error, MemoryError) or any(
            words in str(error) for words in ("insufficient memory", "failed to map segment")
        ):
            return True  # zlib's Z_MEM_ERROR; a parser's library that could not be loaded
        error = error.__cause__ or error.__context__
        seen += 1
    return False


if __name__ == "__main__":
    main()
