"""Reading an uploaded file within limits: the one way every upload is read.

- `limits`: every limit on uploaded files, in one place.
- `prechecks`: cheap checks on the raw bytes and the zip directory that hold *before* any
  parser builds anything (size, type by content, zip entries and ratios, XML parts scanned for
  entity declarations and counted, sheets counted, text lines counted, SVG elements counted).
- `reader`: runs the parsing in a child process (`child`, using `formats`) under a CPU-time,
  a memory and a wall-clock limit, and returns plain data (lists, strings, numbers).

A refused file raises `prechecks.Refused`, a `ValidationError` whose message names the file and
what is wrong in the active language.

This package has no models and imports nothing from Suunta's apps, so any app may use it. The
modules `limits`, `formats` and `child` import nothing from Django either: the child process
starts without loading Django.
"""
