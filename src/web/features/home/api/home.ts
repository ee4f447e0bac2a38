import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { CouncilHome, ProducerHome } from '../../../../contracts/home.js';
import { apiRequest } from '../../../lib/api/client.js';

export type ProducerHomeData = z.infer<typeof ProducerHome>;
export type CouncilHomeData = z.infer<typeof CouncilHome>;

/** The producer's own products with their certificates, dossiers and next steps. */
export function useProducerHome() {
  return useQuery({ queryKey: ['home', 'producer'], queryFn: ({ signal }) => apiRequest('/home/producer', { schema: ProducerHome, signal }) });
}

/** The council member's own sittings and sheets. */
export function useCouncilHome() {
  return useQuery({ queryKey: ['home', 'council'], queryFn: ({ signal }) => apiRequest('/home/council', { schema: CouncilHome, signal }) });
}
