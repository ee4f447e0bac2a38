import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { OkResponse } from '../../../../contracts/common.js';
import {
  TrainingCourse as TrainingCourseSchema,
  TrainingList,
  type TrainingCourseInput as TrainingCourseInputSchema,
} from '../../../../contracts/programme.js';
import { apiRequest } from '../../../lib/api/client.js';

export type TrainingCourse = z.infer<typeof TrainingCourseSchema>;
export type TrainingSummary = z.infer<typeof TrainingList>['items'][number];
export type TrainingCourseInput = z.output<typeof TrainingCourseInputSchema>;

export const TRAINING_PAGE_SIZE = 20;

export type TrainingListParams = { q: string; page: number; year: number | null; subjectId: string | null };

export function useTrainingCourses(params: TrainingListParams, pageSize = TRAINING_PAGE_SIZE) {
  return useQuery({
    queryKey: ['training', 'list', params, pageSize],
    queryFn: ({ signal }) => apiRequest('/training', { query: { ...params, pageSize }, schema: TrainingList, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useTrainingCourse(id: string) {
  return useQuery({
    queryKey: ['training', 'detail', id],
    queryFn: ({ signal }) => apiRequest(`/training/${id}`, { schema: TrainingCourseSchema, signal }),
  });
}

/** Courses count among the dashboard's indicators and show on their producers' pages. */
function trainingChanged(queryClient: QueryClient) {
  return Promise.all([queryClient.invalidateQueries({ queryKey: ['training'] }), queryClient.invalidateQueries({ queryKey: ['dashboard'] })]);
}

export function useSaveTrainingCourse() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: TrainingCourseInput }) =>
      id === null
        ? apiRequest('/training', { method: 'POST', body, schema: TrainingCourseSchema })
        : apiRequest(`/training/${id}`, { method: 'PUT', body, schema: TrainingCourseSchema }),
    onSuccess: (course) => {
      queryClient.setQueryData(['training', 'detail', course.id], course);
      return trainingChanged(queryClient);
    },
  });
}

export function useDeleteTrainingCourse() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest(`/training/${id}`, { method: 'DELETE', schema: OkResponse }),
    onSuccess: (_ok, id) => {
      queryClient.removeQueries({ queryKey: ['training', 'detail', id] });
      return trainingChanged(queryClient);
    },
  });
}
