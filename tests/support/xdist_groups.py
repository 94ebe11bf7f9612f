"""Keeps the tests of one xdist_group on one pytest-xdist worker, on pytest 9.

With `--dist loadgroup`, pytest-xdist 3.8 sends every test marked
`xdist_group(name)` to the same worker by appending "@name" to the test's
node id in the worker (`item._nodeid`); pytest 9 builds node ids from a
structured id instead, so that renaming has no effect and the groups
silently fall apart. Here each worker writes the group of every marked test
to the run's shared folder as its collection ends (write_groups), and the
controller schedules with xdist's own LoadScopeScheduling, reading each
test's group from that file (GroupScheduling); a test without a group is a
unit of its own, exactly as loadgroup does.
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


class GroupScheduling(LoadScopeScheduling):
    """xdist's scope scheduling with each test's scope its xdist_group, read
    from the workers' files; larger groups are handed out first, and the
    rest one test at a time, as with loadgroup."""

    def __init__(self, config, log=None, folder=None):
        super().__init__(config, log)
        self.folder = folder
        self.groups = None

    def schedule(self):
        # Called once every worker has reported its collection, so every
        # worker has written its file.
        if self.groups is None:
            self.groups = read_groups(self.folder)
        super().schedule()

    def _split_scope(self, nodeid):
        return "group:" + self.groups[nodeid] if nodeid in (self.groups or {}) else nodeid
