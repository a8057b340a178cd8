"""Every limit on an uploaded file, in one place. Plain constants (no Django), read at call time
so that tests may lower them."""

# --- Any upload -----------------------------------------------------------------------------
MAX_BYTES = 10 * 1024 * 1024  # a goal document, as uploaded
PASTED_TEXT_CHARS = 200_000  # a goal document pasted as text on the import page

# --- Zip archives (DOCX, XLSX, ODT, ODS), from the directory, before anything is unpacked ------
MAX_ZIP_ENTRIES = 1000
MAX_UNCOMPRESSED = 100 * 1024 * 1024
MAX_PART = 50 * 1024 * 1024  # one part, uncompressed
MAX_RATIO = 100  # uncompressed / compressed, per entry (of some size) and overall

# --- XML parts, counted on the bytes before a parser builds them -------------------------------
MAX_ELEMENTS = 1_000_000  # in all the parts of an archive together
MAX_PARAGRAPHS = 20_000  # paragraphs of a document; lines of a text
MAX_ROWS = 20_000  # rows of all tables or sheets together, counted by position (a gap counts)
MAX_CELLS = 200_000
MAX_SHEETS = 100
MAX_COLUMNS = 100  # columns read from a sheet (the rest is ignored)

# --- The child process that parses -----------------------------------------------------------
# Measured on the two-core server, in CPU seconds in the child: the corpus documents (DOCX,
# ODT, ODS, XLSX) 0.2 s, a 5 000-row XLSX of measured values 0.3 s; a PDF about 0.2 s plus
# 1.9 s per MB of unpacked page content (a dense 172-page PDF: 3.5 MB, 6.5 s).
CHILD_SECONDS = 2  # CPU time; the server waits twice as long (the interpreter's start)
CHILD_WAIT = 2  # the wall-clock wait, as a multiple of the CPU time
CHILD_MEMORY = 512 * 1024 * 1024  # address space
MAX_OUTPUT = 32 * 1024 * 1024  # the plain data the child sends back, as JSON
MAX_TEXT = 10 * 1024 * 1024  # characters of text taken from a PDF
PDF_MAX_PAGES = 200
PDF_MAX_CONTENT = 6 * 1024 * 1024  # unpacked content streams, each counted per page drawn
PDF_SECONDS_PER_MB = 2.5  # CPU time a PDF's text extraction gets on top of CHILD_SECONDS
PDF_SECONDS = 20  # the most: CHILD_SECONDS + PDF_SECONDS_PER_MB × PDF_MAX_CONTENT in MB

# --- Measured values (CSV or XLSX) -----------------------------------------------------------
VALUES_MAX_BYTES = 2 * 1024 * 1024
VALUES_MAX_ROWS = 5000

# --- Logos ------------------------------------------------------------------------------------
LOGO_MAX_BYTES = 200 * 1024
LOGO_MAX_SIDE = 2000  # pixels
SVG_MAX_ELEMENTS = 1000  # elements in the file: a logo has tens or hundreds
SVG_MAX_RENDERED = 5000  # elements drawn, each <use> counted as what it repeats
SVG_MAX_DEPTH = 50
