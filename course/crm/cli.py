"""`crm-course data generate | list`: write the course data sets, or list them with sizes."""
from __future__ import annotations


def add_arguments(parser) -> None:
    """Add the ``data`` sub-commands to ``parser``."""
    sub = parser.add_subparsers(dest="data_command", metavar="ACTION")
    gen = sub.add_parser("generate", help="generate every data set (seeded) into a folder")
    gen.add_argument("--seed", type=int, default=2026, help="random seed (default 2026)")
    gen.add_argument("--orders", type=int, default=30_000,
                     help="number of order lines (default 30,000; up to 5,000,000)")
    gen.add_argument("--out", required=True, help="folder to write the files into")
    sub.add_parser("list", help="list the data sets with their rows and file sizes")


def run(args) -> int:
    """Run ``crm-course data ACTION``; return the exit code."""
    action = getattr(args, "data_command", None)
    if action == "generate":
        from course.crm.generate import write

        paths = write(args.out, seed=args.seed, n_orders=args.orders)
        for name, path in paths.items():
            print(f"{name:<10} {path.stat().st_size / 1024:>9,.1f} KB  {path}")
        return 0
    if action == "list":
        from course.crm.data import DATASETS, data_dir, sizes

        print(f"data folder: {data_dir()}")
        for name, fname, rows, size in sizes():
            if rows is None:
                print(f"{name:<10} {fname:<16} missing")
            else:
                unit = "regions" if name == "markets" else "rows"
                print(f"{name:<10} {fname:<16} {rows:>8,} {unit:<7} {size / 1024:>8,.1f} KB  "
                      f"{DATASETS[name].about}")
        return 0
    print("usage: crm-course data {generate,list} (see crm-course data --help)")
    return 1
