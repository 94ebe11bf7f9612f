"""The order pytest-xdist's workers get their work in (tests/support/xdist_groups.py)."""

import types

import pytest
from xdist.remote import Producer
from xdist.scheduler import LoadScopeScheduling

from tests.support.xdist_groups import GroupScheduling, work_order


def test_long_groups_first_then_groups_then_browser_tests_then_the_rest():
    units = {
        "tests/unit/test_a.py::test_one": {"u1": False},
        "group:visit:/about/": {"v1": False, "v2": False},
        "tests/e2e/test_b.py::test_two": {"b1": False},
        "group:offline": {"o1": False},
        "group:visit:/": {"w1": False, "w2": False, "w3": False},
        "group:pyodide": {"p1": False},
        "tests/unit/test_a.py::test_three": {"u2": False},
    }
    order = [scope for scope, _ in work_order(units, first_groups=("pyodide", "offline"))]
    assert order == [
        "group:pyodide", "group:offline",
        "group:visit:/", "group:visit:/about/",
        "tests/e2e/test_b.py::test_two",
        "tests/unit/test_a.py::test_one", "tests/unit/test_a.py::test_three",
    ]


def test_a_unit_keeps_its_tests_in_collection_order():
    units = {"group:visit:/": {"first": False, "second": False, "third": False}}
    (_, nodeids), = work_order(units)
    assert list(nodeids) == ["first", "second", "third"]


class FakeWorker:
    """What the scheduler uses of an xdist worker: the tests it is sent, and shutdown."""

    def __init__(self, name):
        self.name = name
        self.gateway = types.SimpleNamespace(id=name)
        self.sent = []
        self.shutting_down = False

    def send_runtest_some(self, indexes):
        self.sent.extend(indexes)

    def shutdown(self):
        self.shutting_down = True


class FakeConfig:
    def getvalue(self, name):
        return ["2*popen"] if name == "tx" else None


class XdistOwnBookkeeping(GroupScheduling):
    """GroupScheduling with xdist's own (quadratic) counting, to compare with."""

    _assign_work_unit = LoadScopeScheduling._assign_work_unit
    mark_test_complete = LoadScopeScheduling.mark_test_complete
    _reschedule = LoadScopeScheduling._reschedule


def run_with_fake_workers(scheduling_class, collection, groups, crash=False, check=None):
    """Schedules the collection on fake workers: gw0 finishes three tests a
    turn, gw1 one (with crash, until gw1 crashes halfway and gw2 takes its
    place); returns what each was sent and finished, in order, and the test
    gw1 crashed in."""
    scheduling = scheduling_class(FakeConfig(), Producer("test", enabled=False), first_groups=("runtimes",))
    scheduling.groups = groups
    workers = [FakeWorker("gw0"), FakeWorker("gw1")]
    for worker in workers:
        scheduling.add_node(worker)
        scheduling.add_node_collection(worker, collection)
    scheduling.schedule()
    done = {}
    crashed = None
    live = list(workers)
    while any(done.get(worker.name, 0) < len(worker.sent) for worker in live):
        for worker, speed in zip(workers, (3, 1, 1), strict=False):
            if worker not in live:
                continue
            for _ in range(speed):
                if done.get(worker.name, 0) < len(worker.sent):
                    scheduling.mark_test_complete(worker, worker.sent[done.get(worker.name, 0)], 0.0)
                    done[worker.name] = done.get(worker.name, 0) + 1
                    if check:
                        check(scheduling)
        if crash and crashed is None and sum(done.values()) > len(collection) // 2:
            crashed = scheduling.remove_node(workers[1])
            live.remove(workers[1])
            workers.append(FakeWorker("gw2"))
            live.append(workers[2])
            scheduling.add_node(workers[2])
            scheduling.add_node_collection(workers[2], collection)
            scheduling.schedule()
    return {worker.name: [collection[index] for index in worker.sent[:done[worker.name]]]
            for worker in workers}, crashed


@pytest.mark.parametrize("crash", [False, True], ids=["workers-finish", "a-worker-crashes"])
def test_the_linear_bookkeeping_makes_xdists_own_decisions(crash):
    collection = [f"tests/unit/test_{module}.py::test_{number}" for module in "abc" for number in range(40)]
    collection[10:10] = [f"tests/runtimes/test_parity.py::test_{number}" for number in range(5)]
    collection += [f"tests/e2e/test_page.py::test_visit[{number}]" for number in range(6)]
    groups = {nodeid: "runtimes" for nodeid in collection if "/runtimes/" in nodeid}
    groups.update({nodeid: "visit:/" for nodeid in collection if "visit[" in nodeid})

    def pending_as_xdist_counts(scheduling):
        for worker, workload in scheduling.assigned_work.items():
            assert scheduling.pending[worker] == LoadScopeScheduling._pending_of(scheduling, workload)

    (ours, crashed) = run_with_fake_workers(GroupScheduling, collection, groups, crash, pending_as_xdist_counts)
    assert (ours, crashed) == run_with_fake_workers(XdistOwnBookkeeping, collection, groups, crash)
    assert ours["gw0"][:5] == [nodeid for nodeid in collection if "/runtimes/" in nodeid]
    if not crash:
        assert sorted(ours["gw0"] + ours["gw1"]) == sorted(collection)
