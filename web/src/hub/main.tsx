import { createRoot } from 'react-dom/client';
import { HubApp } from './HubApp';
import './hub.css';

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from hub/index.html');
createRoot(container).render(<HubApp />);
