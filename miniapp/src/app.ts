import type { PropsWithChildren } from 'react';
import './app.css';

/** The pages render themselves; the app adds nothing around them. */
function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
