import { createRoot } from 'react-dom/client';

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from hub/index.html');
createRoot(container).render(<p>Agent hub</p>);
