"""A long fuzz run of the property tests (issue 9): random text, Markdown, HTML and Unicode
through every reader and rule, checking the invariants in tests/test_properties.py.

    python benchmarks/fuzz.py [TOTAL_EXAMPLES]    # default 20000, split over the four properties

Prints each property's outcome; hypothesis prints the smallest failing input for any that fails.
"""

import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main() -> int:
    total = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    env = dict(os.environ, COPYDESK_FUZZ_EXAMPLES=str(total // 4))
    t = time.time()
    p = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                        os.path.join(ROOT, "tests", "test_properties.py")], env=env, cwd=ROOT)
    print(f"fuzz: {total} examples ({total // 4} per property) in {time.time() - t:.0f}s, exit {p.returncode}")
    return p.returncode


if __name__ == "__main__":
    sys.exit(main())
