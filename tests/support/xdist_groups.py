"""Keeps the tests of one xdist_group on one pytest-xdist worker, on pytest 9.

With `--dist loadgroup`, pytest-xdist 3.8 sends every test marked
`xdist_group(name)` to the same worker by appending "@name" to the test's
node id in the worker (`item._nodeid`); pytest 9 builds node ids from a
structured id instead, so that renaming has no effect and the groups
silently fall apart. Here each worker writes the group of every marked test
to the run's shared folder as its collection ends (write_groups), and the
controller schedules with xdist's own LoadScopeScheduling, reading each
test's group from that file (GroupScheduling); a test without a group is a
unit of its own, exactly as loadgroup does. The units are handed out
long groups first and quick single tests last (work_order), so that no
worker is left alone with a long group at the end.
"""

import json
import os
from pathlib import Path

from xdist.scheduler import LoadScopeScheduling

FILE_PREFIX = "xdist-groups-"


def group_of(item):
    """The item's xdist_group name, or None."""
    names = sorted({str(mark.args[0] if mark.args else mark.kwargs.get("name", "default"))
                    for mark in item.iter_markers("xdist_group")})
    return "_".join(names) or None


def write_groups(items, folder, worker_id):
    """In a worker, once collection ends: {node id: group} for the marked items."""
    groups = {item.nodeid: group for item in items if (group := group_of(item))}
    path = Path(folder) / f"{FILE_PREFIX}{worker_id}.json"
    partial = path.with_suffix(".partial")
    partial.write_text(json.dumps(groups), encoding="utf-8")
    os.replace(partial, path)


def read_groups(folder):
    groups = {}
    for path in sorted(Path(folder).glob(FILE_PREFIX + "*.json")):
        groups.update(json.loads(path.read_text(encoding="utf-8")))
    return groups


def work_order(units, first_groups=(), browser_prefix="tests/e2e/"):
    """The order to hand out units of work ({scope: {node id: done}}), so the
    run ends with both workers busy to the last seconds: the long groups
    named in first_groups (in that order), then the other groups, larger
    first, then single browser tests, then the rest (quick tests that fill
    the end), each kind in collection order."""

    def rank(entry):
        position, (scope, nodeids) = entry
        if not scope.startswith("group:"):
            kind = 2 if scope.startswith(browser_prefix) else 3
            return (kind, 0, position)
        name = scope.removeprefix("group:")
        if name in first_groups:
            return (0, first_groups.index(name), position)
        return (1, -len(nodeids), position)

    return [unit for _, unit in sorted(enumerate(units.items()), key=rank)]


class GroupScheduling(LoadScopeScheduling):
    """xdist's scope scheduling with each test's scope its xdist_group, read
    from the workers' files, handed out in work_order (the long groups
    first), the rest one test at a time, as with loadgroup."""

    def __init__(self, config, log=None, folder=None, first_groups=()):
        super().__init__(config, log)
        self.folder = folder
        self.groups = None
        self.first_groups = tuple(first_groups)
        # Each worker's tests given and not yet done, counted as they are
        # given and done (see _reschedule), and where each node id stands
        # in a worker's collection.
        self.pending = {}
        self.positions = {}

    def schedule(self):
        # Called once every worker has reported its collection, so every
        # worker has written its file.
        if self.groups is None:
            self.groups = read_groups(self.folder)
        if self.collection is not None or not self._check_nodes_have_same_collection():
            return super().schedule()
        # The first call: LoadScopeScheduling.schedule's own steps, with the
        # work queue in work_order instead of largest group first.
        self.collection = list(next(iter(self.registered_collections.values())))
        if not self.collection:
            return None
        units = {}
        for nodeid in self.collection:
            units.setdefault(self._split_scope(nodeid), {})[nodeid] = False
        for scope, nodeids in work_order(units, self.first_groups):
            self.workqueue[scope] = nodeids
        for _ in range(max(0, len(self.nodes) - len(self.workqueue))):
            unused_node, _assigned = self.assigned_work.popitem()
            unused_node.shutdown()
        for node in self.nodes:
            self._assign_work_unit(node)
        for node in self.nodes:
            self._reschedule(node)
        if not self.workqueue:
            for node in self.nodes:
                node.shutdown()
        return None

    def _split_scope(self, nodeid):
        return "group:" + self.groups[nodeid] if nodeid in (self.groups or {}) else nodeid

    # xdist's own bookkeeping, made linear. After every test, xdist 3.8 sums
    # the pending tests of every unit the worker was ever given
    # (LoadScopeScheduling._pending_of), and finds each test of a new unit
    # with list.index: both quadratic in the number of tests, 5 million
    # steps for `make check`'s 4,600 tests (each test is a unit of its own
    # under loadgroup). The same decisions, from a count kept as tests are
    # given and done, and a position table made once per collection.

    def _assign_work_unit(self, node):
        scope, work_unit = self.workqueue.popitem(last=False)
        self.assigned_work.setdefault(node, {})[scope] = work_unit
        if node not in self.positions:
            self.positions[node] = {nodeid: index for index, nodeid in enumerate(self.registered_collections[node])}
        indexes = [self.positions[node][nodeid] for nodeid, done in work_unit.items() if not done]
        self.pending[node] = self.pending.get(node, 0) + len(indexes)
        node.send_runtest_some(indexes)

    def mark_test_complete(self, node, item_index, duration=0):
        nodeid = self.registered_collections[node][item_index]
        work_unit = self.assigned_work[node][self._split_scope(nodeid)]
        if not work_unit[nodeid]:
            work_unit[nodeid] = True
            self.pending[node] -= 1
        self._reschedule(node)

    def _reschedule(self, node):
        # LoadScopeScheduling._reschedule, with the count instead of _pending_of.
        if node.shutting_down:
            return
        if not self.workqueue:
            node.shutdown()
            return
        if self.pending.get(node, 0) > 2:
            return
        self._assign_work_unit(node)
