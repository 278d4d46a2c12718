import { href } from "react-router";

/** The kit of one workshop: its page, its pull and its push addresses (all under the worker's scope). */
export const kitHref = (sessionId: string) => href("/trainer/kit/:sessionId", { sessionId });
