"""The upstream outbox on its own: ids and sequence numbers, budget, overflow policies, reopen."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from gateway.upstream.outbox import NewMessage, Outbox, OutboxError, row_bytes


def msg(stream: str, i: int, size: int = 50, readings: int = 1) -> NewMessage:
    body = json.dumps({"sensor_id": stream, "i": i, "pad": "x" * size}).encode()
    return NewMessage(stream, f"t/{stream}", body, readings)


def payloads(rows: list) -> list[dict]:
    return [json.loads(r.payload) for r in rows]


def test_append_numbers_each_stream_and_keeps_the_body(tmp_path: Path) -> None:
    ob = Outbox(tmp_path / "o.sqlite3", max_bytes=10**7)
    res = ob.append([msg("a", 1), msg("b", 1), msg("a", 2)])
    got = payloads(res.rows)
    assert [(p["sensor_id"], p["seq"], p["i"]) for p in got] == [
        ("a", 1, 1),
        ("b", 1, 1),
        ("a", 2, 2),
    ]
    assert len({p["id"] for p in got}) == 3 and all(len(p["id"]) == 32 for p in got)
    assert [r.id for r in res.rows] == sorted(r.id for r in res.rows)
    assert ob.messages == 3 and ob.readings == 3
    assert (
        ob.bytes
        == sum(r.bytes for r in res.rows)
        == sum(row_bytes(r.key, r.payload) for r in res.rows)
    )
    # The rows read back are the rows appended.
    assert ob.read_after(0, upto=ob.max_id, limit=10) == res.rows
    assert ob.read_after(res.rows[0].id, upto=res.rows[1].id, limit=10) == res.rows[1:2]
    assert ob.read_ids([res.rows[2].id, 999]) == res.rows[2:]
    ob.close()


def test_numbers_and_counts_survive_a_reopen(tmp_path: Path) -> None:
    path = tmp_path / "o.sqlite3"
    ob = Outbox(path, max_bytes=10**7)
    rows = ob.append([msg("a", i) for i in range(5)]).rows
    assert ob.delete([rows[0].id, rows[1].id]) == 2
    ob.close()
    ob = Outbox(path, max_bytes=10**7)
    assert (ob.messages, ob.readings, ob.max_id) == (3, 3, rows[-1].id)
    assert ob.bytes == sum(r.bytes for r in rows[2:])
    more = ob.append([msg("a", 5), msg("c", 1)]).rows
    assert [p["seq"] for p in payloads(more)] == [6, 1]
    assert more[0].id > rows[-1].id
    ob.close()


def test_delete_ignores_rows_already_gone(tmp_path: Path) -> None:
    ob = Outbox(tmp_path / "o.sqlite3", max_bytes=10**7)
    rows = ob.append([msg("a", i) for i in range(3)]).rows
    assert ob.delete([rows[0].id]) == 1
    assert ob.delete([rows[0].id, rows[1].id, 12345]) == 1
    assert ob.messages == 1 and ob.bytes == rows[2].bytes
    ob.close()


def test_drop_oldest_makes_room_and_counts(tmp_path: Path) -> None:
    one = row_bytes("t/a", msg("a", 0).body) + 48
    ob = Outbox(tmp_path / "o.sqlite3", max_bytes=one * 10, overflow="drop_oldest")
    first = ob.append([msg("a", i, readings=2) for i in range(8)])
    assert first.dropped_messages == 0
    res = ob.append([msg("a", i, readings=2) for i in range(8, 13)])
    # 13 messages of about one unit each into a budget of 10: the 3+ oldest went.
    assert res.dropped_messages >= 3
    assert res.dropped_readings == 2 * res.dropped_messages
    assert ob.bytes <= ob.max_bytes
    left = ob.read_after(0, upto=ob.max_id, limit=100)
    seqs = [p["seq"] for p in payloads(left)]
    assert seqs == list(range(14 - len(seqs), 14))  # the newest, contiguous, end at 13
    assert res.dropped_upto == first.rows[res.dropped_messages - 1].id
    assert ob.dropped_messages == res.dropped_messages
    ob.close()
    # The totals of what was dropped are on disk.
    assert (
        Outbox(tmp_path / "o.sqlite3", max_bytes=one * 10).dropped_readings == res.dropped_readings
    )


def test_drop_oldest_with_a_batch_larger_than_the_budget(tmp_path: Path) -> None:
    one = row_bytes("t/a", msg("a", 0).body) + 48
    ob = Outbox(tmp_path / "o.sqlite3", max_bytes=int(one * 4.5))
    ob.append([msg("a", 0)])
    res = ob.append([msg("a", i) for i in range(1, 11)])
    kept = [p["seq"] for p in payloads(res.rows)]
    assert kept == list(range(12 - len(kept), 12)) and 3 <= len(kept) <= 4
    assert ob.messages == len(kept)
    # The dropped ones still took their numbers: the cloud sees the loss as a gap.
    assert ob.seq("a") == 11
    assert res.dropped_messages == 11 - len(kept)
    ob.close()


def test_reject_newest_keeps_the_old_and_counts(tmp_path: Path) -> None:
    one = row_bytes("t/a", msg("a", 0).body) + 48
    ob = Outbox(tmp_path / "o.sqlite3", max_bytes=one * 5, overflow="reject_newest")
    ob.append([msg("a", i) for i in range(3)])
    res = ob.append([msg("a", i) for i in range(3, 8)])
    assert [p["seq"] for p in payloads(res.rows)] == [4, 5]
    assert res.dropped_messages == 3 and res.dropped_upto == 0
    assert [p["seq"] for p in payloads(ob.read_after(0, upto=ob.max_id, limit=10))] == [
        1,
        2,
        3,
        4,
        5,
    ]
    # Room again after a delivery: new messages are taken, numbered after the refused.
    ob.delete([r.id for r in ob.read_after(0, upto=ob.max_id, limit=2)])
    assert [p["seq"] for p in payloads(ob.append([msg("a", 9)]).rows)] == [9]
    ob.close()


def test_a_failed_append_changes_nothing(tmp_path: Path) -> None:
    ob = Outbox(tmp_path / "o.sqlite3", max_bytes=10**7)
    ob.append([msg("a", 0)])
    # Another connection holds the write lock: the append cannot commit.
    other = sqlite3.connect(tmp_path / "o.sqlite3", timeout=0)
    other.execute("BEGIN IMMEDIATE")
    ob._w.execute("PRAGMA busy_timeout=50")
    with pytest.raises(OutboxError):
        ob.append([msg("a", 1)])
    other.rollback()
    other.close()
    assert (ob.messages, ob.seq("a")) == (1, 1)
    assert [p["seq"] for p in payloads(ob.append([msg("a", 1)]).rows)] == [2]
    ob.close()


def test_an_unreadable_file_is_an_outbox_error(tmp_path: Path) -> None:
    bad = tmp_path / "o.sqlite3"
    bad.write_bytes(b"this is not a database" * 100)
    with pytest.raises(OutboxError):
        Outbox(bad, max_bytes=10**6)
