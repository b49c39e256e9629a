/** The face of jobs/: the only module other folders (and seed, bench, tests) import from it. */
export { runMonitorOnce, startDeadlineMonitor } from './deadlineMonitor/monitor.js';
export { nextDeadlineStep } from './deadlineMonitor/steps.js';
