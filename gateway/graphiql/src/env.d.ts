// @types/react is not installed in this workspace (no new dependencies): React and the JSX runtime are typed
// loosely here, so the type check covers our own code and GraphiQL's and graphql's typings.
declare module 'react' {
  export const StrictMode: (props: { children?: unknown }) => unknown;
  export function useState<T>(initial: T | (() => T)): [T, (value: T | ((previous: T) => T)) => void];
  export function useState<T = undefined>(): [T | undefined, (value: T | undefined) => void];
  export function useEffect(effect: () => void | (() => void), deps?: readonly unknown[]): void;
  export function useCallback<T extends (...args: never[]) => unknown>(callback: T, deps: readonly unknown[]): T;
  export function useMemo<T>(factory: () => T, deps: readonly unknown[]): T;
  export function useRef<T>(initial: T): { current: T };
  export type ComponentType<P = object> = (props: P) => unknown;
  export type ReactNode = unknown;
  export type FC<P = object> = (props: P) => unknown;
  export type ComponentPropsWithoutRef<T> = T extends (props: infer P) => unknown ? P : Record<string, unknown>;
}
declare module 'react/jsx-runtime' {
  export const jsx: unknown;
  export const jsxs: unknown;
  export const Fragment: unknown;
}
declare module 'react-dom/client' {
  export function createRoot(element: Element): { render(node: unknown): void };
}
declare module '*.css';
declare namespace JSX {
  type Element = unknown;
  interface IntrinsicElements {
    [element: string]: Record<string, unknown>;
  }
}
