"""Run every bench/bench_*.py script in turn, each in its own process."""
import subprocess
import sys
from pathlib import Path

here = Path(__file__).parent
failed = []
for script in sorted(here.glob("bench_*.py")):
    print(f"== {script.name}", flush=True)
    if subprocess.run([sys.executable, str(script)]).returncode:
        failed.append(script.name)
if failed:
    print("failed: " + ", ".join(failed))
sys.exit(1 if failed else 0)
