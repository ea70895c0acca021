import { createRoot } from 'react-dom/client';

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from dashboard/index.html');
createRoot(container).render(<p>Support analytics</p>);
