# Dates and numbers the Finnish way in every interface language (31.3.2025, 1 234,5).
from config.formats.fi.formats import *  # noqa: F403
