"""Run unittest discovery and write JUnit XML (standard library only).

    python3 tests/junit_runner.py OUTPUT.xml [START_DIR] [TOP_LEVEL_DIR]

Exit code: 0 when every test passed, 1 otherwise (2 when nothing was collected).
"""
import sys
import time
import traceback
import unittest
import xml.etree.ElementTree as ET


def _message(err):
    text = f"{err[0].__name__}: {err[1]}"
    return text.splitlines()[0][:200]


class RecordingResult(unittest.TextTestResult):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.records = []
        self._started = {}

    def startTest(self, test):
        self._started[test.id()] = time.perf_counter()
        super().startTest(test)

    def _record(self, test, kind=None, detail="", message=""):
        elapsed = time.perf_counter() - self._started.get(test.id(), time.perf_counter())
        self.records.append((test.id(), elapsed, kind, detail, message or kind or ""))

    def addSuccess(self, test):
        super().addSuccess(test)
        self._record(test)

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self._record(test, "failure", "".join(traceback.format_exception(*err)), _message(err))

    def addError(self, test, err):
        super().addError(test, err)
        self._record(test, "error", "".join(traceback.format_exception(*err)), _message(err))

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        self._record(test, "skipped", reason, reason)


def main(argv):
    out = argv[1]
    start = argv[2] if len(argv) > 2 else "tests"
    top = argv[3] if len(argv) > 3 else "."
    suite = unittest.defaultTestLoader.discover(start, top_level_dir=top)
    runner = unittest.TextTestRunner(resultclass=RecordingResult, verbosity=2)
    began = time.perf_counter()
    result = runner.run(suite)
    total = time.perf_counter() - began

    root = ET.Element("testsuites")
    ts = ET.SubElement(root, "testsuite", name=start, tests=str(len(result.records)),
                       failures=str(len(result.failures)), errors=str(len(result.errors)),
                       skipped=str(len(result.skipped)), time=f"{total:.3f}")
    for test_id, elapsed, kind, detail, message in result.records:
        classname, _, name = test_id.rpartition(".")
        case = ET.SubElement(ts, "testcase", classname=classname, name=name, time=f"{elapsed:.3f}")
        if kind:
            child = ET.SubElement(case, kind, message=message)
            child.text = detail
    ET.ElementTree(root).write(out, encoding="utf-8", xml_declaration=True)
    if result.testsRun == 0:
        return 2
    return 0 if result.wasSuccessful() else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
