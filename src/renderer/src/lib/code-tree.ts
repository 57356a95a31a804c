// The codebook's tree is pure domain logic, shared with the exports that print code paths.
export * from '../../../shared/domain/code-tree';
