"""The new shop's tables of workshops W02-W04 (course.crm.generate_new_shop)."""
import filecmp

from course.crm import generate, generate_new_shop, grade_customers, reply_queue
from course.crm.data import data_dir, load

WORLD = generate_new_shop.World(generate.COUNTRIES, generate.PLATFORMS, generate.PRODUCT_WORDS,
                                generate.buyer_names)


def test_committed_tables_are_what_the_default_seed_generates(tmp_path):
    sets = generate_new_shop.generate(generate.DEFAULT_SEED, WORLD,
                                      known_texts=set(load("inquiries")["text"]))
    out = generate_new_shop.write(tmp_path, sets)
    for name, path in out.items():
        assert filecmp.cmp(path, data_dir() / path.name, shallow=False), name


def test_the_batch_is_new_and_each_company_writes_once():
    batch = load("new_inquiries")
    assert len(batch) == generate_new_shop.N_NEW_INQUIRIES
    assert not set(batch["text"]) & set(load("inquiries")["text"])
    companies = batch.loc[batch["company"] != "", "company"]
    assert companies.is_unique
    # the labels follow the taught rules: any red flag is Grade 4, an old customer Grade 1
    assert (batch.loc[batch["red_flags"].map(len) > 0, "grade"] == 4).all()
    assert (batch.loc[batch["old_customer"], "grade"] == 1).all()


def test_the_customer_list_is_consistent_and_the_toolkit_reads_it():
    shop = load("new_shop_customers")
    assert len(shop) == generate_new_shop.N_NEW_SHOP_CUSTOMERS and shop["customer_id"].is_unique
    assert ((shop["orders"] > 0) == (shop["deal_status"] == "closed")).all()
    assert ((shop["spent"] > 0) == (shop["orders"] > 0)).all()
    assert not (shop["clear_intent"] & (shop["deal_status"] == "none")).any()
    assert set(grade_customers(shop)["grade"]) <= {1, 2, 3, 4}
    queue = reply_queue(load("new_inquiries"), "2026-10-12 09:00")
    assert len(queue) == generate_new_shop.N_NEW_INQUIRIES


def test_another_seed_gives_another_shop():
    a = generate_new_shop.make_new_shop_customers(1, WORLD)
    b = generate_new_shop.make_new_shop_customers(2, WORLD)
    assert not a["name"].equals(b["name"])


def test_the_batch_reads_as_fourteen_writers_not_one_template():
    batch = load("new_inquiries")
    # every sentence that carries a red flag is worded once (W03 reads the batch in one sitting)
    sentences = [s.strip() for text in batch["text"] for s in text.replace("\n", " ").split(".")
                 if "sample" in s]
    assert len(sentences) == len(set(sentences))
    names = batch["text"].str.rsplit("\n", n=1).str[-1]
    assert names.is_unique, names[names.duplicated()].tolist()
    old = batch.loc[batch["old_customer"], "text"]
    for stranger in ("I write on behalf of", "A friend recommended", "I found your shop"):
        assert not old.str.contains(stranger).any(), stranger
    # the red flags the rewording keeps: the toolkit finds the same flags as the agent
    from course.crm import screen_inquiries
    found = screen_inquiries(batch)["found_flags"].map(sorted).tolist()
    assert found == batch["red_flags"].map(sorted).tolist()


def test_varied_texts_reword_repeats_rename_and_welcome_back():
    repeat = next(iter(generate_new_shop.REPEAT_WORDINGS))
    texts = [f"Hi,\n{repeat}\nBen", f"Hi,\n{repeat}\nBen",
             "Hi,\nA friend recommended your store to me. Ten mugs?\nAnna"]
    out = generate_new_shop._varied_texts(texts, [False, False, True], ["Ben", "Anna", "Carl"])
    assert out[0] == texts[0]
    assert repeat not in out[1] and generate_new_shop.REPEAT_WORDINGS[repeat][0] in out[1]
    assert out[1].endswith("\nCarl")  # Ben and Anna are taken
    assert "our last order" in out[2] and "friend" not in out[2]


def test_every_cut_of_the_shorter_batch_is_made_on_the_drawn_text(monkeypatch):
    """W03's batch is cut for one period (SHORTER): each cut finds its words in the default
    seed's drawn text, and the committed text no longer holds them."""
    known = set(load("inquiries")["text"])
    monkeypatch.setattr(generate_new_shop, "SHORTER", [])
    drawn = generate_new_shop.make_new_inquiries(generate.DEFAULT_SEED, known)
    drawn = drawn.set_index("inquiry_id")["text"]
    monkeypatch.undo()
    batch = load("new_inquiries").set_index("inquiry_id")["text"]
    assert len(generate_new_shop.SHORTER) == 9  # six cuts of brief 28k, three of issue 28 read19
    for where, words, kept in generate_new_shop.SHORTER:
        assert words in drawn[where], (where, words)
        assert words not in batch[where] and kept in batch[where], (where, words)
    # only the words cut differ: the same writers, ids and sign-offs
    assert list(drawn.index) == list(batch.index)
    assert (drawn.str.rsplit("\n", n=1).str[-1] == batch.str.rsplit("\n", n=1).str[-1]).all()


def test_the_texts_the_exercises_quote_are_in_the_batch_word_for_word():
    """Reply tasks of W03 and W04 show a buyer's mail of the batch: it must be what the batch
    says (a cut of the batch never touches a quoted sentence)."""
    import yaml

    batch = load("new_inquiries").set_index("inquiry_id")["text"]
    quoted = {"w03-reply-yara": "n08", "w03-reply-farid": "n14",
              "w04-reply-marek": "n06", "w04-check-reply-nadia": "n09"}
    items = {}
    for bank in ("w03-screening-workshop", "w04-grading-workshop"):
        with open(f"exercises/{bank}.yaml", encoding="utf-8") as f:
            items.update({e["id"]: e for e in yaml.safe_load(f)["exercises"]})
    for item, inquiry in quoted.items():
        buyer = " ".join(items[item]["buyer"].split()).lower()
        assert buyer in " ".join(batch[inquiry].split()).lower(), item
    pairs = next(e for e in items.values() if e["id"] == "w03-flag-lines")["pairs"]
    flat = " ".join(" ".join(batch).split())
    for line, _flag in pairs:
        for part in line.split(" (")[0].split(" · "):  # the quote without its note
            assert part in flat, part
