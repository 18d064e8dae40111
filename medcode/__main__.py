import sys

from medcode.cli import main

sys.exit(main())
