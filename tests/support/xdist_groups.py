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
