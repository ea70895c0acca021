/**
 * The heavy part of the chat: Web Chat and DirectLineJS. Only ever loaded through a dynamic
 * import (see ChatPanel) so the page shell stays small.
 */
import { useEffect, useState } from 'react';
import ReactWebChat, { createDirectLine } from 'botframework-webchat';
import { directLineDomain } from './chatConfig';
import { styleOptions } from './webChatStyle';

type DirectLine = ReturnType<typeof createDirectLine>;

/** DirectLineJS ConnectionStatus values (the enum lives in botframework-directlinejs). */
const ConnectionStatus = { Online: 2, FailedToConnect: 4, Ended: 5 } as const;

/**
 * Terminal states only. ExpiredToken is left to DirectLineJS and Web Chat's own connectivity
 * banner: it can recover, and after repeated failures DirectLineJS moves on to FailedToConnect.
 */
export type ConnectionProblem = 'failed-to-connect' | 'ended';

export interface WebChatViewProps {
  token: string;
  userName?: string | undefined;
  onConnectionProblem: (problem: ConnectionProblem) => void;
}

export default function WebChatView({ token, userName, onConnectionProblem }: WebChatViewProps) {
  const [directLine, setDirectLine] = useState<DirectLine>();

  // One DirectLineJS client per token, ended when the token changes or the view unmounts
  // (DirectLineJS only contacts the host once Web Chat subscribes to activity$).
  useEffect(() => {
    const dl = createDirectLine({ token, domain: directLineDomain() });
    setDirectLine(dl);
    let online = false;
    const subscription = dl.connectionStatus$.subscribe((status: number) => {
      if (status === ConnectionStatus.Online) online = true;
      else if (status === ConnectionStatus.FailedToConnect) onConnectionProblem('failed-to-connect');
      // Ended is also what our own cleanup produces; only report it for a live conversation.
      else if (status === ConnectionStatus.Ended && online) onConnectionProblem('ended');
    });
    return () => {
      subscription.unsubscribe();
      dl.end();
    };
  }, [token, onConnectionProblem]);

  if (!directLine) return null;
  return (
    <ReactWebChat
      className="nw-webchat"
      directLine={directLine}
      styleOptions={styleOptions}
      locale="en-US"
      // Lets a person who has taken the conversation in the agent hub see the customer typing.
      sendTypingIndicator
      {...(userName ? { username: userName } : {})}
    />
  );
}
