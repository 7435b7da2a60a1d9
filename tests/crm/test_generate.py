"""Tests for the seeded generator and `crm-course data`."""
import filecmp

import pytest

from course.cli import main
from course.crm import generate
from course.crm.data import data_dir, load
from course.errors import InputError


def test_same_seed_gives_identical_files(tmp_path):
    a = generate.write(tmp_path / "a", seed=5, n_orders=3000)
    b = generate.write(tmp_path / "b", seed=5, n_orders=3000)
    for name in a:
        assert filecmp.cmp(a[name], b[name], shallow=False), name


def test_another_seed_gives_other_data():
    a = generate.generate(1, 3000)
    b = generate.generate(2, 3000)
    assert not a["orders"].equals(b["orders"])
    assert not a["inquiries"]["text"].equals(b["inquiries"]["text"])


def test_committed_data_is_what_the_default_seed_generates(tmp_path):
    out = generate.write(tmp_path, seed=generate.DEFAULT_SEED, n_orders=generate.DEFAULT_ORDERS)
    orders = load("orders")
    assert len(orders) == generate.DEFAULT_ORDERS
    for name in ("orders", "customers", "inquiries", "messages", "markets"):
        committed = data_dir() / out[name].name
        assert filecmp.cmp(out[name], committed, shallow=False), name


def test_exact_row_count_and_dirt_at_other_sizes():
    for n in (1000, 12_345):
        orders = generate.generate(3, n)["orders"]
        assert len(orders) == n
        assert orders["Invoice"].str.startswith("C").any()
        assert orders["Customer ID"].isna().any()


def test_bad_sizes_are_clear_errors():
    with pytest.raises(InputError, match="between 1,000 and 5,000,000"):
        generate.generate(1, 10)
    with pytest.raises(InputError, match="seed"):
        generate.generate(-1, 5000)


def test_cli_generate_and_list(tmp_path, capsys, monkeypatch):
    assert main(["data", "generate", "--seed", "3", "--orders", "2000", "--out",
                 str(tmp_path)]) == 0
    assert "orders.csv.gz" in capsys.readouterr().out
    monkeypatch.setenv("CRM_COURSE_DATA", str(tmp_path))
    assert main(["data", "list"]) == 0
    out = capsys.readouterr().out
    assert "2,000 rows" in out and "4 regions" in out
    assert main(["data", "generate", "--orders", "5", "--out", str(tmp_path)]) == 2
    assert "between 1,000" in capsys.readouterr().err


def test_cli_without_an_action_prints_usage(capsys):
    assert main(["data"]) == 1
    assert "generate" in capsys.readouterr().out
