export { Dopri5, type Dopri5Options, type Rhs, type SolverStats, type SolverWarning, type SolverWarningCode, type StepObserver } from './dopri5.js';
export { solveWithEvents, type StateEvent, type EventSolveOptions, type EventHook } from './events.js';
export { brentRoot } from './brent.js';
export * from './analytic.js';
export { type DenseStep, type Stepper, type StepperOptions } from './stepper.js';
