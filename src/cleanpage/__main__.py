import sys

from .cli import main_safe

sys.exit(main_safe())
